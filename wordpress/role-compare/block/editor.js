/**
 * The block's editor: sidebar controls for the comparison (or roles),
 * categories, theme, highlight, loading and picker, and a preview rendered by
 * the server (the same PHP as the page). No build step: plain
 * wp.element.createElement. `window.roleCompareBuild` is the build's ids
 * (build.json), printed before this script by the plugin.
 */
( function ( blocks, element, blockEditor, components, ServerSideRender, i18n ) {
	'use strict';
	var el = element.createElement;
	var __ = i18n.__;
	var build = window.roleCompareBuild || { comparisons: [], roles: [], categories: [], themes: [], loading: [], languages: [] };

	function list( text ) {
		return ( text || '' ).split( ',' ).map( function ( s ) {
			return s.trim();
		} ).filter( Boolean );
	}

	function options( values, defaultLabel ) {
		return [ { label: defaultLabel, value: '' } ].concat( values.map( function ( v ) {
			return { label: v.label || v, value: v.value || v };
		} ) );
	}

	function Edit( props ) {
		var a = props.attributes;
		var set = props.setAttributes;
		var shown = list( a.categories );
		var ids = build.categories.map( function ( c ) { return c.id; } );
		// A SelectControl of one attribute: '' (the element's default, `defaultLabel`) or one of `values`.
		function select( key, label, values, defaultLabel, help ) {
			return el( components.SelectControl, {
				label: label,
				help: help,
				value: a[ key ],
				options: options( values, defaultLabel ),
				onChange: function ( v ) { var change = {}; change[ key ] = v; set( change ); },
			} );
		}
		// A ToggleControl of one boolean attribute.
		function toggle( key, label, help ) {
			return el( components.ToggleControl, {
				label: label,
				help: help,
				checked: !! a[ key ],
				onChange: function ( v ) { var change = {}; change[ key ] = v; set( change ); },
			} );
		}
		var categories = build.categories.map( function ( c ) {
			return el( components.CheckboxControl, {
				key: c.id,
				label: c.title,
				checked: shown.length === 0 || shown.indexOf( c.id ) !== -1,
				onChange: function ( on ) {
					var now = shown.length === 0 ? ids.slice() : shown.slice();
					now = on ? now.concat( [ c.id ] ) : now.filter( function ( id ) { return id !== c.id; } );
					var ordered = ids.filter( function ( id ) {
						return now.indexOf( id ) !== -1;
					} );
					set( { categories: ordered.length === ids.length ? '' : ordered.join( ',' ) } );
				},
			} );
		} );
		return el(
			'div',
			blockEditor.useBlockProps(),
			el(
				blockEditor.InspectorControls,
				null,
				el(
					components.PanelBody,
					{ title: __( 'What to compare', 'role-compare' ) },
					select( 'comparison', __( 'Comparison', 'role-compare' ), build.comparisons.map( function ( c ) {
						return { label: c.title, value: c.id };
					} ), __( 'The first comparison', 'role-compare' ) ),
					el( components.TextControl, {
						label: __( 'Roles (instead of a comparison)', 'role-compare' ),
						help: __( '2 to 4 role ids, comma-separated, in column order:', 'role-compare' ) + ' ' + build.roles.map( function ( r ) { return r.id; } ).join( ', ' ),
						value: a.roles,
						onChange: function ( v ) { set( { roles: v } ); },
					} ),
					toggle( 'picker', __( 'Role picker', 'role-compare' ), __( 'Readers choose the roles in each column head.', 'role-compare' ) )
				),
				el( components.PanelBody, { title: __( 'Categories shown at start', 'role-compare' ), initialOpen: false }, categories ),
				el(
					components.PanelBody,
					{ title: __( 'Look and loading', 'role-compare' ), initialOpen: false },
					select( 'theme', __( 'Theme', 'role-compare' ), build.themes, __( 'Default (auto)', 'role-compare' ) ),
					toggle( 'highlight', __( 'Highlight differences at start', 'role-compare' ) ),
					select( 'loading', __( 'Loading', 'role-compare' ), build.loading, __( 'Default (eager)', 'role-compare' ),
						__( 'lazy: the widget starts when it comes near the screen.', 'role-compare' ) ),
					select( 'lang', __( 'Language', 'role-compare' ), build.languages, __( "The site's language", 'role-compare' ) )
				)
			),
			el( ServerSideRender, { block: 'role-compare/comparison', attributes: a } )
		);
	}

	blocks.registerBlockType( 'role-compare/comparison', {
		edit: Edit,
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.serverSideRender, window.wp.i18n );
