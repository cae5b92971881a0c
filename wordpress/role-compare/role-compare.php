<?php
/**
 * Plugin Name:       Role Compare
 * Description:       Side-by-side career comparisons (the <role-compare> web component) as a block and a shortcode, with the content in the page before the widget starts.
 * Version:           @VERSION@
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       role-compare
 *
 * Everything the plugin checks a value against (comparison, role and
 * category ids, themes, loading values, the element's attributes) is read
 * from build.json, which `cargo xtask package` writes from the widget's own
 * tables: nothing here is a hand-made copy. The markup printed is the
 * build's prerendered fallback of the asked comparison (dist/fallback/),
 * so readers without JavaScript and search engines get the content, and
 * nothing moves when the widget starts.
 *
 * @package role-compare
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'ROLE_COMPARE_FILE', __FILE__ );

/**
 * The build's ids and the element's attributes (build.json), read once.
 *
 * @return array
 */
function role_compare_build() {
	static $build = null;
	if ( null === $build ) {
		$json  = file_get_contents( __DIR__ . '/build.json' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin.
		$build = is_string( $json ) ? json_decode( $json, true ) : null;
		if ( ! is_array( $build ) ) {
			$build = array();
		}
	}
	return $build;
}

/**
 * The URL of a file of the release (dist/ in the plugin).
 *
 * @param string $file A path relative to dist/.
 * @return string
 */
function role_compare_dist_url( $file ) {
	return plugins_url( 'dist/' . $file, ROLE_COMPARE_FILE );
}

/**
 * An HTML comment saying why something was left out or ignored. The text is
 * escaped and cannot end the comment early.
 *
 * @param string $text What happened.
 * @return string
 */
function role_compare_comment( $text ) {
	return '<!-- role-compare: ' . str_replace( '--', '- -', esc_html( $text ) ) . " -->\n";
}

/**
 * A comma-separated list as trimmed, non-empty items.
 *
 * @param string $text The list.
 * @return string[]
 */
function role_compare_list( $text ) {
	return array_values( array_filter( array_map( 'trim', explode( ',', (string) $text ) ), 'strlen' ) );
}

/**
 * Whether an attribute value means on: true, or one of the build's words for on.
 *
 * @param mixed $value A shortcode string or a block boolean.
 * @param array $on    The words that mean on.
 * @param array $off   The words that mean off.
 * @return bool|null Null when it means neither.
 */
function role_compare_switch( $value, $on, $off ) {
	if ( is_bool( $value ) ) {
		return $value;
	}
	if ( ! is_string( $value ) ) {
		return null;
	}
	$value = strtolower( trim( $value ) );
	if ( in_array( $value, $on, true ) || in_array( $value, array( '1', 'yes' ), true ) ) {
		return true;
	}
	if ( in_array( $value, $off, true ) || in_array( $value, array( '0', 'no' ), true ) ) {
		return false;
	}
	return null;
}

/**
 * The language shown: `lang` if the build has it, else the site's language
 * (or its primary subtag) if the build has it, else the build's first.
 *
 * @param string $asked    The asked language, or ''.
 * @param string $comments Comments so far (a bad `lang` adds one).
 * @return string
 */
function role_compare_language( $asked, &$comments ) {
	$build     = role_compare_build();
	$languages = isset( $build['languages'] ) ? $build['languages'] : array();
	$match     = function ( $tag ) use ( $languages ) {
		$tag = strtolower( str_replace( '_', '-', $tag ) );
		foreach ( array( $tag, strtok( $tag, '-' ) ) as $want ) {
			foreach ( $languages as $lang ) {
				if ( strtolower( $lang ) === $want ) {
					return $lang;
				}
			}
		}
		return null;
	};
	if ( '' !== $asked ) {
		$found = $match( $asked );
		if ( null !== $found ) {
			return $found;
		}
		/* translators: 1: the asked language, 2: the build's languages. */
		$comments .= role_compare_comment( sprintf( 'lang "%1$s" is not built in (%2$s): the site\'s language is shown', $asked, implode( ', ', $languages ) ) );
	}
	$site = $match( get_locale() );
	return null !== $site ? $site : ( isset( $languages[0] ) ? $languages[0] : 'en' );
}

/**
 * The markup of one widget: the element with its checked attributes around
 * the prerendered fallback of the asked comparison, or, for a comparison or
 * role the build lacks, an HTML comment and no widget (never another
 * comparison). Bad categories, themes, loading or highlight values are
 * ignored with a comment each; the rest still renders.
 *
 * @param array $args comparison, roles, categories, theme, loading, highlight, picker, lang.
 * @return string
 */
function role_compare_markup( $args ) {
	$build    = role_compare_build();
	$comments = '';
	$text     = function ( $key ) use ( $args ) {
		return isset( $args[ $key ] ) && is_scalar( $args[ $key ] ) && ! is_bool( $args[ $key ] ) ? trim( (string) $args[ $key ] ) : '';
	};
	if ( empty( $build['languages'] ) ) {
		return role_compare_comment( 'build.json is missing or unreadable: reinstall the plugin' );
	}
	foreach ( $args as $key => $value ) {
		if ( ! is_scalar( $value ) && null !== $value ) {
			$comments .= role_compare_comment( sprintf( '%s: not a text value, ignored', $key ) );
			unset( $args[ $key ] );
		}
	}
	$max_len = isset( $build['max_value_len'] ) ? (int) $build['max_value_len'] : 1000;
	foreach ( $args as $key => $value ) {
		if ( is_string( $value ) && strlen( $value ) > $max_len ) {
			$comments .= role_compare_comment( sprintf( '%s: longer than %d characters, ignored', $key, $max_len ) );
			unset( $args[ $key ] );
		}
	}

	$lang        = role_compare_language( $text( 'lang' ), $comments );
	$comparisons = isset( $build['comparisons'][ $lang ] ) ? $build['comparisons'][ $lang ] : array();
	$by_id       = array();
	foreach ( $comparisons as $c ) {
		$by_id[ $c['id'] ] = $c;
	}
	$attributes = array( 'lang' => $lang );
	$shown      = null;

	$roles = role_compare_list( $text( 'roles' ) );
	if ( array() !== $roles ) {
		$unknown = array_diff( $roles, $build['roles'] );
		if ( array() !== $unknown ) {
			return $comments . role_compare_comment( sprintf( 'unknown role "%1$s" (this build has %2$s): no comparison shown', implode( '", "', $unknown ), implode( ', ', $build['roles'] ) ) );
		}
		if ( count( $roles ) < $build['min_roles'] || count( $roles ) > $build['max_roles'] || count( array_unique( $roles ) ) !== count( $roles ) ) {
			return $comments . role_compare_comment( sprintf( 'roles "%1$s": give %2$d to %3$d different role ids: no comparison shown', implode( ',', $roles ), $build['min_roles'], $build['max_roles'] ) );
		}
		$attributes['roles'] = implode( ',', $roles );
		foreach ( $comparisons as $c ) {
			if ( $c['roles'] === $roles ) {
				$shown = $c;
			}
		}
	} else {
		$id = $text( 'comparison' );
		if ( '' !== $id ) {
			if ( ! isset( $by_id[ $id ] ) ) {
				return $comments . role_compare_comment( sprintf( 'unknown comparison "%1$s" (this build has %2$s): no comparison shown', $id, implode( ', ', array_keys( $by_id ) ) ) );
			}
			$attributes['comparison'] = $id;
			$shown                    = $by_id[ $id ];
		} else {
			$shown = reset( $comparisons );
		}
	}

	$categories = role_compare_list( $text( 'categories' ) );
	if ( array() !== $categories ) {
		$known   = array_values( array_intersect( $categories, $build['categories'] ) );
		$unknown = array_diff( $categories, $build['categories'] );
		if ( array() !== $unknown ) {
			$comments .= role_compare_comment( sprintf( 'unknown category "%1$s" ignored (this build has %2$s)', implode( '", "', $unknown ), implode( ', ', $build['categories'] ) ) );
		}
		if ( array() !== $known ) {
			$attributes['categories'] = implode( ',', $known );
		}
	}
	foreach ( array( 'theme' => 'themes', 'loading' => 'loading' ) as $key => $values ) {
		$value = strtolower( $text( $key ) );
		if ( '' === $value ) {
			continue;
		}
		if ( in_array( $value, $build[ $values ], true ) ) {
			$attributes[ $key ] = $value;
		} else {
			$comments .= role_compare_comment( sprintf( '%1$s "%2$s" ignored (one of %3$s)', $key, $value, implode( ', ', $build[ $values ] ) ) );
		}
	}
	if ( isset( $args['highlight'] ) && '' !== $args['highlight'] && false !== $args['highlight'] ) {
		$on = role_compare_switch( $args['highlight'], $build['highlight_on'], $build['highlight_off'] );
		if ( true === $on ) {
			$attributes['highlight'] = 'on';
		} elseif ( null === $on ) {
			$comments .= role_compare_comment( sprintf( 'highlight "%s" ignored (on or off)', $text( 'highlight' ) ) );
		}
	}
	$picker = false;
	if ( isset( $args['picker'] ) && '' !== $args['picker'] && false !== $args['picker'] ) {
		$picker = role_compare_switch( $args['picker'], array( 'on', 'true', 'picker' ), array( 'off', 'false' ) );
		if ( null === $picker ) {
			$comments .= role_compare_comment( sprintf( 'picker "%s" ignored (on or off)', $text( 'picker' ) ) );
			$picker = false;
		}
	}

	$inner = '';
	if ( null !== $shown ) {
		$inner = role_compare_fallback( $shown['fallback'] );
		if ( '' === $inner ) {
			$comments .= role_compare_comment( sprintf( '%s is missing: the widget shows once it starts', $shown['fallback'] ) );
		}
	}

	role_compare_enqueue_loader();
	$tag = '<' . $build['tag'];
	foreach ( $attributes as $name => $value ) {
		$tag .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	if ( $picker ) {
		$tag .= ' picker';
	}
	return $comments . $tag . '>' . $inner . '</' . $build['tag'] . ">\n";
}

/**
 * What the prerendered fallback `file` (a path of build.json) holds inside
 * its `<role-compare>`: the declarative shadow root, its stylesheet links
 * pointed at the plugin's copy. '' when the file is missing.
 *
 * @param string $file A fallback named by build.json, relative to dist/.
 * @return string
 */
function role_compare_fallback( $file ) {
	static $read = array();
	if ( ! isset( $read[ $file ] ) ) {
		$path = __DIR__ . '/dist/' . $file;
		$html = is_readable( $path ) ? file_get_contents( $path ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin.
		$open = is_string( $html ) ? strpos( $html, '>' ) : false;
		$end  = is_string( $html ) ? strrpos( $html, '</' ) : false;
		if ( false === $open || false === $end || $end <= $open ) {
			$read[ $file ] = '';
		} else {
			$inner = substr( $html, $open + 1, $end - $open - 1 );
			foreach ( role_compare_build()['stylesheets'] as $sheet ) {
				$inner = str_replace( 'href="' . $sheet . '"', 'href="' . esc_url( role_compare_dist_url( $sheet ) ) . '"', $inner );
			}
			$read[ $file ] = $inner;
		}
	}
	return $read[ $file ];
}

/**
 * Enqueues the element's loader, once per page however many widgets: as a
 * script module where WordPress has the API (6.5), else as a module script.
 */
function role_compare_enqueue_loader() {
	$build = role_compare_build();
	$url   = role_compare_dist_url( isset( $build['loader'] ) ? $build['loader'] : 'role-compare.js' );
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'role-compare', $url, array(), $build['version'] );
	} else {
		wp_enqueue_script( 'role-compare', $url, array(), $build['version'], true );
	}
}

/**
 * The loader's tag as a module script (WordPress before the script-module API).
 *
 * @param string $tag    The tag WordPress wrote.
 * @param string $handle The script's handle.
 * @param string $src    Its URL.
 * @return string
 */
function role_compare_module_tag( $tag, $handle, $src ) {
	if ( 'role-compare' !== $handle ) {
		return $tag;
	}
	return wp_get_script_tag(
		array(
			'type' => 'module',
			'src'  => $src,
			'id'   => 'role-compare-js',
		)
	);
}
add_filter( 'script_loader_tag', 'role_compare_module_tag', 10, 3 );

/**
 * `[role-compare comparison=… roles=… categories=… theme=… loading=… highlight=… picker lang=…]`.
 *
 * @param array|string $atts The shortcode's attributes ('' without any).
 * @return string
 */
function role_compare_shortcode( $atts ) {
	$atts = is_array( $atts ) ? $atts : array();
	// A bare word (`[role-compare picker highlight]`) is an attribute alone: on.
	foreach ( $atts as $key => $value ) {
		if ( is_int( $key ) && is_string( $value ) ) {
			unset( $atts[ $key ] );
			$atts[ strtolower( $value ) ] = 'on';
		}
	}
	$known = array( 'comparison', 'roles', 'categories', 'theme', 'loading', 'highlight', 'picker', 'lang' );
	$extra = '';
	foreach ( array_diff( array_keys( $atts ), $known ) as $unknown ) {
		$extra .= role_compare_comment( sprintf( 'unknown shortcode attribute "%1$s" ignored (%2$s)', $unknown, implode( ', ', $known ) ) );
	}
	return $extra . role_compare_markup( shortcode_atts( array_fill_keys( $known, '' ), $atts, 'role-compare' ) );
}

/**
 * The block's render: its saved attributes as written (a value of the wrong
 * type is named, never replaced by a default comparison).
 *
 * @param array    $attributes The block's attributes.
 * @param string   $content    Unused (a dynamic block saves none).
 * @param WP_Block $block      The block.
 * @return string
 */
function role_compare_block_render( $attributes, $content = '', $block = null ) {
	$raw = ( $block instanceof WP_Block && isset( $block->parsed_block['attrs'] ) && is_array( $block->parsed_block['attrs'] ) ) ? $block->parsed_block['attrs'] : $attributes;
	return role_compare_markup( is_array( $raw ) ? $raw : array() );
}

/**
 * Registers the shortcode, the block and its editor script.
 */
function role_compare_init() {
	add_shortcode( 'role-compare', 'role_compare_shortcode' );
	$build = role_compare_build();
	wp_register_script(
		'role-compare-editor',
		plugins_url( 'block/editor.js', ROLE_COMPARE_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-server-side-render', 'wp-i18n' ),
		isset( $build['version'] ) ? $build['version'] : false,
		true
	);
	wp_add_inline_script( 'role-compare-editor', 'window.roleCompareBuild = ' . wp_json_encode( role_compare_editor_data() ) . ';', 'before' );
	register_block_type( __DIR__ . '/block', array( 'render_callback' => 'role_compare_block_render' ) );
}
add_action( 'init', 'role_compare_init' );

/**
 * What the block's sidebar offers: the comparisons (titles in the site's
 * language), roles, categories, themes, loading values and languages.
 *
 * @return array
 */
function role_compare_editor_data() {
	$build    = role_compare_build();
	$ignored  = '';
	$lang     = role_compare_language( '', $ignored );
	$names    = isset( $build['names'][ $lang ] ) ? $build['names'][ $lang ] : array();
	$label    = function ( $kind, $id ) use ( $names ) {
		return isset( $names[ $kind ][ $id ] ) ? $names[ $kind ][ $id ] : $id;
	};
	$data     = array(
		'comparisons' => array(),
		'roles'       => array(),
		'categories'  => array(),
		'themes'      => $build['themes'],
		'loading'     => $build['loading'],
		'languages'   => $build['languages'],
	);
	foreach ( $build['comparisons'][ $lang ] as $c ) {
		$data['comparisons'][] = array(
			'id'    => $c['id'],
			'title' => $c['title'],
		);
	}
	foreach ( array( 'roles', 'categories' ) as $kind ) {
		foreach ( $build[ $kind ] as $id ) {
			$data[ $kind ][] = array(
				'id'    => $id,
				'title' => $label( $kind, $id ),
			);
		}
	}
	return $data;
}

/**
 * The live preview in the editor: the loader on the editor's page.
 */
function role_compare_editor_assets() {
	role_compare_enqueue_loader();
}
add_action( 'enqueue_block_editor_assets', 'role_compare_editor_assets' );

/**
 * Raw `<role-compare>` markup in a post (kept for Authors by the kses
 * filter below) gets the loader too.
 *
 * @param string $content The post's content, rendered.
 * @return string
 */
function role_compare_content( $content ) {
	$build = role_compare_build();
	if ( isset( $build['tag'] ) && false !== stripos( $content, '<' . $build['tag'] ) ) {
		role_compare_enqueue_loader();
	}
	return $content;
}
add_filter( 'the_content', 'role_compare_content', 12 );

/**
 * kses: `<role-compare>` and its attributes (the build's list: the API
 * table's, with the global ones WordPress grants no custom tag) in post
 * content, so what an Author saves keeps them.
 *
 * @param array  $tags    Allowed tags and their attributes.
 * @param string $context The kses context.
 * @return array
 */
function role_compare_kses( $tags, $context ) {
	$build = role_compare_build();
	if ( 'post' !== $context || empty( $build['tag'] ) ) {
		return $tags;
	}
	$tags[ $build['tag'] ] = array_fill_keys( $build['kses_attributes'], true );
	return $tags;
}
add_filter( 'wp_kses_allowed_html', 'role_compare_kses', 10, 2 );
