/* Editor side of the dynamic block loyaltyhub/widget: the page shows what the server renders. */
( function ( blocks, element, blockEditor, i18n ) {
	var el = element.createElement;
	var __ = i18n.__;

	blocks.registerBlockType( 'loyaltyhub/widget', {
		apiVersion: 3,
		title: __( 'LoyaltyHub points', 'loyaltyhub' ),
		description: __( 'Shows logged-in customers their points and rewards.', 'loyaltyhub' ),
		category: 'widgets',
		icon: 'awards',
		supports: { html: false },
		edit: function () {
			return el(
				'div',
				blockEditor.useBlockProps( { className: 'loyaltyhub-widget-placeholder' } ),
				__( 'LoyaltyHub points widget: customers see their points here once logged in.', 'loyaltyhub' )
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.i18n );
