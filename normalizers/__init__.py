"""Text repair: broken Arabic extraction in, logical text out.

``chars``      one-line, pure character steps over data tables in ``data/``
``bidi``       visual -> logical order for glyph rows (python-bidi levels)
``pdf_layout`` PDF glyphs -> lines and table rows, from geometry
``lm``         atoms of a line and the word + word-class bigram model
``msa``        word-pair statistics of general Arabic (a 33 M-word news corpus), for ``lm``
``pieces``     broken words put back together (glued, cut, swapped pieces)
``runs``       repair of already-extracted visual-order text: run segmentation by DP
``repair``     the steps composed in one visible order
"""
