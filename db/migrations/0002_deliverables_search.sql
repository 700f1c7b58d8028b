-- Full-text search over deliverables: title, description and every progress-update note and
-- reason. Triggers keep it in step with the tables, so a search never misses a fresh change.
CREATE VIRTUAL TABLE deliverables_fts USING fts5(title, description, notes, tokenize = 'porter unicode61');
--> statement-breakpoint
INSERT INTO deliverables_fts(rowid, title, description, notes)
SELECT d.id, d.title, d.description,
       coalesce((SELECT group_concat(u.note || ' ' || coalesce(u.reason, ''), ' ') FROM progress_updates u WHERE u.deliverable_id = d.id), '')
FROM deliverables d;
--> statement-breakpoint
CREATE TRIGGER deliverables_fts_insert AFTER INSERT ON deliverables
BEGIN
  INSERT INTO deliverables_fts(rowid, title, description, notes) VALUES (new.id, new.title, new.description, '');
END;
--> statement-breakpoint
CREATE TRIGGER deliverables_fts_update AFTER UPDATE OF title, description ON deliverables
BEGIN
  UPDATE deliverables_fts SET title = new.title, description = new.description WHERE rowid = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER deliverables_fts_delete AFTER DELETE ON deliverables
BEGIN
  DELETE FROM deliverables_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER deliverables_fts_update_note AFTER INSERT ON progress_updates
BEGIN
  UPDATE deliverables_fts
     SET notes = notes || ' ' || new.note || ' ' || coalesce(new.reason, '')
   WHERE rowid = new.deliverable_id;
END;
