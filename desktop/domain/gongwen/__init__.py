"""GB/T 9704-2012 (党政机关公文格式): the layout facts, the title's lines, how far a report fills its pages, and the checks of a .docx and of its rendering."""
