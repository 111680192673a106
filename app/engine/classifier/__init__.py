"""Archetype classifier internals: brief masking, n-gram features, multilingual cues and the shipped linear model.

`app.engine.classify` is the public entry point; the model is trained offline by bench/classifier/train.py.
"""
