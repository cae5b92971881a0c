<?php
/**
 * Test only (installed by the page tests into the test WordPress's
 * mu-plugins): the tests' console recorder and layout-shift watch inline,
 * first in every page's head (the editor's too) (RC_WP_DIR/recorder.js, written from
 * e2e::webdriver::RECORDER and e2e::first_paint::WATCH), and no emoji
 * script (WordPress's own, which asks another host for images). And the
 * oEmbed test's widget host (RC_WIDGET_URL, http://127.0.0.1:<port>/):
 * WordPress fetches no local address on another port than its own unless
 * allowed, so this allows that one, and only it.
 */
$rc_recorder = function () {
	$js = file_get_contents( getenv( 'RC_WP_DIR' ) . '/recorder.js' );
	if ( is_string( $js ) ) {
		wp_print_inline_script_tag( $js );
	}
};
add_action( 'wp_head', $rc_recorder, -1000 );
add_action( 'admin_head', $rc_recorder, -1000 );
remove_action( 'wp_head', 'print_emoji_detection_script', 7 );
remove_action( 'wp_print_styles', 'print_emoji_styles' );
remove_action( 'wp_head', 'wp_resource_hints', 2 );
$rc_widget = (string) getenv( 'RC_WIDGET_URL' );
$rc_is_widget = function ( $url ) use ( $rc_widget ) {
	return '' !== $rc_widget && 0 === strpos( (string) $url, $rc_widget );
};
add_filter(
	'http_request_host_is_external',
	function ( $external, $host, $url ) use ( $rc_is_widget ) {
		return $external || $rc_is_widget( $url );
	},
	10,
	3
);
add_filter(
	'http_allowed_safe_ports',
	function ( $ports, $host, $url ) use ( $rc_is_widget, $rc_widget ) {
		if ( $rc_is_widget( $url ) ) {
			$ports[] = (int) parse_url( $rc_widget, PHP_URL_PORT );
		}
		return $ports;
	},
	10,
	3
);
