-- How each document's bytes were decoded: the codec and why (a byte-order mark, a declaration,
-- UTF-8, detection); documents stored before this version read as '' (not recorded).
ALTER TABLE documents ADD COLUMN charset VARCHAR DEFAULT '';
ALTER TABLE documents ADD COLUMN charset_reason VARCHAR DEFAULT '';
