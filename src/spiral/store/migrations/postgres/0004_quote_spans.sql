-- The fragments of an attribution's three roles (source, cue, content), as JSON lists of
-- [start, end] character offsets; quotes stored before this version read as no fragments.
ALTER TABLE quotes ADD COLUMN source_spans VARCHAR DEFAULT '[]';
ALTER TABLE quotes ADD COLUMN cue_spans VARCHAR DEFAULT '[]';
ALTER TABLE quotes ADD COLUMN content_spans VARCHAR DEFAULT '[]';
