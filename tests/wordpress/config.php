<?php
/**
 * The test WordPress's configuration, copied by the page tests to
 * /etc/wordpress/config-role-compare-test.php (Debian's wp-config.php reads
 * /etc/wordpress/config-<WORDPRESS_CONFIG>.php). Everything it points at is
 * under target/wordpress/, named by the environment of the processes the
 * tests start (tests/e2e/src/wordpress.rs): RC_WP_DIR and RC_WP_URL.
 */
$rc_dir = getenv( 'RC_WP_DIR' );
$rc_url = getenv( 'RC_WP_URL' );
if ( ! $rc_dir || ! $rc_url ) {
	header( 'HTTP/1.0 500 Internal Server Error' );
	echo 'RC_WP_DIR and RC_WP_URL are not set: this WordPress is started by the page tests only.';
	exit( 1 );
}
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:' . $rc_dir . '/mysqld.sock' );
define( 'WP_HOME', $rc_url );
define( 'WP_SITEURL', $rc_url );
define( 'WP_CONTENT_DIR', $rc_dir . '/wp-content' );
define( 'WP_CONTENT_URL', $rc_url . '/wp-content' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', $rc_dir . '/debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_ACCESSIBLE_HOSTS', '' );
define( 'AUTH_KEY', 'test' );
define( 'SECURE_AUTH_KEY', 'test' );
define( 'LOGGED_IN_KEY', 'test' );
define( 'NONCE_KEY', 'test' );
define( 'AUTH_SALT', 'test' );
define( 'SECURE_AUTH_SALT', 'test' );
define( 'LOGGED_IN_SALT', 'test' );
define( 'NONCE_SALT', 'test' );
