<?php
/**
 * The router of `php -S` for the test WordPress: /wp-content/ from
 * target/wordpress/wp-content (the plugin, the test theme), other existing
 * files from /usr/share/wordpress as they are, PHP files and everything else
 * through WordPress. Debian's wp-config.php picks the configuration by
 * WORDPRESS_CONFIG.
 */
$_SERVER['WORDPRESS_CONFIG'] = 'role-compare-test';
$path = urldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( strpos( $path, '..' ) !== false ) {
	http_response_code( 400 );
	return true;
}
$log = getenv( 'RC_WP_DIR' ) . '/requests.log';
file_put_contents( $log, $_SERVER['REQUEST_METHOD'] . ' ' . $_SERVER['REQUEST_URI'] . "\n", FILE_APPEND | LOCK_EX );
if ( strpos( $path, '/wp-content/' ) === 0 ) {
	$file = getenv( 'RC_WP_DIR' ) . $path;
	if ( ! is_file( $file ) ) {
		http_response_code( 404 );
		return true;
	}
	$types = array(
		'js'   => 'text/javascript',
		'mjs'  => 'text/javascript',
		'wasm' => 'application/wasm',
		'css'  => 'text/css',
		'html' => 'text/html; charset=utf-8',
		'json' => 'application/json',
		'svg'  => 'image/svg+xml',
	);
	$ext = strtolower( pathinfo( $file, PATHINFO_EXTENSION ) );
	header( 'Content-Type: ' . ( isset( $types[ $ext ] ) ? $types[ $ext ] : 'application/octet-stream' ) );
	header( 'Content-Length: ' . filesize( $file ) );
	readfile( $file );
	return true;
}
$file = '/usr/share/wordpress' . $path;
if ( is_dir( $file ) ) {
	$file = rtrim( $file, '/' ) . '/index.php';
}
if ( is_file( $file ) && substr( $file, -4 ) !== '.php' ) {
	return false;
}
if ( ! is_file( $file ) ) {
	$file = '/usr/share/wordpress/index.php';
}
chdir( dirname( $file ) );
$_SERVER['SCRIPT_FILENAME'] = $file;
$_SERVER['SCRIPT_NAME']     = substr( $file, strlen( '/usr/share/wordpress' ) );
$_SERVER['PHP_SELF']        = $_SERVER['SCRIPT_NAME'];
require $file;
