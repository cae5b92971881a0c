<?php
/**
 * Test only (installed by the page tests into the test WordPress's
 * mu-plugins): the tests' console recorder and layout-shift watch inline,
 * first in every page's head (the editor's too) (RC_WP_DIR/recorder.js, written from
 * e2e::webdriver::RECORDER and e2e::first_paint::WATCH), and no emoji
 * script (WordPress's own, which asks another host for images).
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
