<?php
/**
 * Installs the test WordPress (run by tests/e2e/src/wordpress.rs with
 * `php setup.php`, RC_WP_DIR and RC_WP_URL set, the database empty and the
 * plugin unzipped into wp-content/plugins): wp_install(), the test theme,
 * the plugin activated, deactivated, uninstalled and activated again, an
 * Author, and the posts the page tests read, inserted as that Author (so
 * kses filters them as it does in the editor). Prints what it made as JSON.
 */
$url                     = getenv( 'RC_WP_URL' );
$_SERVER['HTTP_HOST']    = (string) parse_url( $url, PHP_URL_HOST ) . ':' . (string) parse_url( $url, PHP_URL_PORT );
$_SERVER['REQUEST_URI']  = '/';
$_SERVER['SERVER_NAME']  = (string) parse_url( $url, PHP_URL_HOST );
$_SERVER['WORDPRESS_CONFIG'] = 'role-compare-test';
define( 'WP_INSTALLING', true );
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

function rc_fail( $why ) {
	fwrite( STDERR, "setup.php: $why\n" );
	exit( 1 );
}

$installed = wp_install( 'role-compare test', 'admin', 'admin@example.invalid', false, '', 'admin-password', 'en_US' );
if ( is_wp_error( $installed ) || empty( $installed['user_id'] ) ) {
	rc_fail( 'wp_install failed' );
}
switch_theme( 'rc-test' );

$plugin    = 'role-compare/role-compare.php';
$lifecycle = array();
foreach ( array( 'activate', 'deactivate', 'uninstall', 'activate' ) as $step ) {
	ob_start();
	if ( 'activate' === $step ) {
		$result = activate_plugin( $plugin );
		if ( is_wp_error( $result ) ) {
			rc_fail( 'activate_plugin: ' . $result->get_error_message() );
		}
	} elseif ( 'deactivate' === $step ) {
		deactivate_plugins( $plugin );
	} else {
		uninstall_plugin( $plugin );
	}
	$lifecycle[] = array(
		'step'   => $step,
		'output' => ob_get_clean(),
		'active' => is_plugin_active( $plugin ),
	);
}

$author = wp_insert_user(
	array(
		'user_login' => 'author',
		'user_pass'  => 'author-password',
		'user_email' => 'author@example.invalid',
		'role'       => 'author',
	)
);
if ( is_wp_error( $author ) ) {
	rc_fail( 'wp_insert_user: ' . $author->get_error_message() );
}
wp_set_current_user( $author );
if ( current_user_can( 'unfiltered_html' ) ) {
	rc_fail( 'the Author may post unfiltered HTML: kses would not be tested' );
}

$raw   = '<role-compare comparison="respiratory-therapist-vs-perfusionist" categories="duties,skills" highlight="on" lang="en" class="career-table" id="careers" data-note="roundup" aria-label="Two careers"></role-compare>';
$posts = array(
	'shortcodes' => "Two comparisons.\n\n[role-compare comparison=\"ecmo-specialist-vs-perfusionist\" categories=\"salary,education\" theme=\"light\"]\n\nAnd another one.\n\n[role-compare comparison=\"respiratory-therapist-vs-perfusionist\" highlight=\"on\" picker]\n\nThe end.",
	'block'      => "<!-- wp:paragraph -->\n<p>A block.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:role-compare/comparison {\"roles\":\"respiratory-therapist,ecmo-specialist\",\"categories\":\"overview,salary\",\"theme\":\"dark\",\"loading\":\"lazy\"} /-->",
	'raw'        => "Pasted markup.\n\n" . $raw,
	'bad'        => "[role-compare comparison=\"nurse-vs-doctor\"]\n\n[role-compare roles=\"ecmo-specialist,surgeon\"]\n\n[role-compare comparison=\"ecmo-specialist-vs-perfusionist\" categories=\"salary,bogus\" theme=\"neon\"]",
	'plain'      => 'A post without a comparison.',
	// A comparison page's URL alone on its line: WordPress's oEmbed discovery embeds it.
	'oembed'     => "A comparison, pasted.\n\n" . getenv( 'RC_WIDGET_URL' ) . "index.html\n\nThe end.",
);
$out = array(
	'lifecycle' => $lifecycle,
	'posts'     => array(),
	'saved'     => array(),
);
foreach ( $posts as $name => $content ) {
	$id = wp_insert_post(
		array(
			'post_title'   => $name,
			'post_content' => $content,
			'post_status'  => 'publish',
			'post_author'  => $author,
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		rc_fail( "wp_insert_post $name: " . $id->get_error_message() );
	}
	$out['posts'][ $name ] = get_permalink( $id );
	$out['saved'][ $name ] = get_post_field( 'post_content', $id, 'raw' );
}
// The control: the same raw markup saved by the Author without the plugin's
// kses filter loses its element (so the test of what survives can fail).
remove_filter( 'wp_kses_allowed_html', 'role_compare_kses', 10 );
$out['saved']['raw-without-plugin'] = wp_kses_post( $raw );
echo wp_json_encode( $out, JSON_PRETTY_PRINT ), "\n";
