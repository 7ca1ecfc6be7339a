"""Text repair: broken Arabic extraction in, logical text out.

``chars``      one-line, pure character steps over data tables in ``data/``
``bidi``       visual -> logical order for glyph rows (python-bidi levels)
``pdf_layout`` PDF glyphs -> lines and table rows, from geometry
``runs``       repair of already-extracted visual-order text (statistical model)
``repair``     the steps composed in one visible order
"""
