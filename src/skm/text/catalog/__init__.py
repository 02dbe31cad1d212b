"""The wording of every area as plain data, ``key → (Indonesian, English)``; merged by :mod:`skm.text`.

These modules import nothing: adding a sentence never changes what gets imported.
"""
