<?php
/**
 * Uninstall: the plugin keeps no options, transients, tables or files
 * outside its folder, so there is nothing to remove but the folder itself
 * (WordPress deletes it). Loaded only by WordPress's uninstaller.
 *
 * @package role-compare
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
