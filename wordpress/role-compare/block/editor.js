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
		var categories = build.categories.map( function ( c ) {
			return el( components.CheckboxControl, {
				key: c.id,
				label: c.title,
				checked: shown.length === 0 || shown.indexOf( c.id ) !== -1,
				onChange: function ( on ) {
					var now = shown.length === 0 ? build.categories.map( function ( x ) { return x.id; } ) : shown.slice();
					now = on ? now.concat( [ c.id ] ) : now.filter( function ( id ) { return id !== c.id; } );
					var ordered = build.categories.map( function ( x ) { return x.id; } ).filter( function ( id ) {
						return now.indexOf( id ) !== -1;
					} );
					set( { categories: ordered.length === build.categories.length ? '' : ordered.join( ',' ) } );
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
					el( components.SelectControl, {
						label: __( 'Comparison', 'role-compare' ),
						value: a.comparison,
						options: options( build.comparisons.map( function ( c ) {
							return { label: c.title, value: c.id };
						} ), __( 'The first comparison', 'role-compare' ) ),
						onChange: function ( v ) { set( { comparison: v } ); },
					} ),
					el( components.TextControl, {
						label: __( 'Roles (instead of a comparison)', 'role-compare' ),
						help: __( '2 to 4 role ids, comma-separated, in column order:', 'role-compare' ) + ' ' + build.roles.map( function ( r ) { return r.id; } ).join( ', ' ),
						value: a.roles,
						onChange: function ( v ) { set( { roles: v } ); },
					} ),
					el( components.ToggleControl, {
						label: __( 'Role picker', 'role-compare' ),
						help: __( 'Readers choose the roles in each column head.', 'role-compare' ),
						checked: !! a.picker,
						onChange: function ( v ) { set( { picker: v } ); },
					} )
				),
				el( components.PanelBody, { title: __( 'Categories shown at start', 'role-compare' ), initialOpen: false }, categories ),
				el(
					components.PanelBody,
					{ title: __( 'Look and loading', 'role-compare' ), initialOpen: false },
					el( components.SelectControl, {
						label: __( 'Theme', 'role-compare' ),
						value: a.theme,
						options: options( build.themes, __( 'Default (auto)', 'role-compare' ) ),
						onChange: function ( v ) { set( { theme: v } ); },
					} ),
					el( components.ToggleControl, {
						label: __( 'Highlight differences at start', 'role-compare' ),
						checked: !! a.highlight,
						onChange: function ( v ) { set( { highlight: v } ); },
					} ),
					el( components.SelectControl, {
						label: __( 'Loading', 'role-compare' ),
						help: __( 'lazy: the widget starts when it comes near the screen.', 'role-compare' ),
						value: a.loading,
						options: options( build.loading, __( 'Default (eager)', 'role-compare' ) ),
						onChange: function ( v ) { set( { loading: v } ); },
					} ),
					el( components.SelectControl, {
						label: __( 'Language', 'role-compare' ),
						value: a.lang,
						options: options( build.languages, __( "The site's language", 'role-compare' ) ),
						onChange: function ( v ) { set( { lang: v } ); },
					} )
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
