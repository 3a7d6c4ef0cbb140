"""DOCX: OOXML primitives, style profiles, the writer, the reader, resolved formatting, the dump."""
