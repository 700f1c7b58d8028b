CREATE TABLE `deliverable_status_months` (
	`deliverable_id` integer NOT NULL,
	`month` text NOT NULL,
	`completed` integer NOT NULL,
	`in_progress` integer NOT NULL,
	PRIMARY KEY(`deliverable_id`, `month`),
	FOREIGN KEY (`deliverable_id`) REFERENCES `deliverables`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deliverable_status_months_month` ON `deliverable_status_months` (`month`,`completed`,`in_progress`);--> statement-breakpoint
-- One place computes a deliverable's rows: inserting its id into this view runs the trigger below.
-- Its history is a sequence of states (its status when created, or "not started" when updates
-- follow, then each update's status, each counted from its own time or from the creation if it
-- came first); every change adds one to the new status and takes one from the old, in its month.
CREATE VIEW `deliverable_status_months_refresh` AS SELECT 0 AS deliverable_id WHERE 0;
--> statement-breakpoint
CREATE TRIGGER deliverable_status_months_refresh INSTEAD OF INSERT ON deliverable_status_months_refresh
BEGIN
  DELETE FROM deliverable_status_months WHERE deliverable_id = new.deliverable_id;
  INSERT INTO deliverable_status_months (deliverable_id, month, completed, in_progress)
  SELECT new.deliverable_id, month, sum(completed), sum(in_progress) FROM (
    SELECT strftime('%Y-%m-01', at / 1000, 'unixepoch') AS month,
      (status = 'completed') - coalesce(previous = 'completed', 0) AS completed,
      (status = 'in_progress') - coalesce(previous = 'in_progress', 0) AS in_progress
    FROM (
      SELECT at, status, lag(status) OVER (ORDER BY at, kind, recorded, seq) AS previous FROM (
        SELECT d.created_at AS at, 0 AS kind, 0 AS recorded, 0 AS seq,
          CASE WHEN EXISTS (SELECT 1 FROM progress_updates u WHERE u.deliverable_id = d.id) THEN 'not_started' ELSE d.status END AS status
        FROM deliverables d WHERE d.id = new.deliverable_id
        UNION ALL
        SELECT max(u.created_at, d.created_at), 1, u.created_at, u.id, u.status
        FROM progress_updates u JOIN deliverables d ON d.id = u.deliverable_id
        WHERE u.deliverable_id = new.deliverable_id
      )
    )
  )
  GROUP BY month
  HAVING sum(completed) <> 0 OR sum(in_progress) <> 0;
END;
--> statement-breakpoint
CREATE TRIGGER deliverable_status_months_created AFTER INSERT ON deliverables
BEGIN
  INSERT INTO deliverable_status_months_refresh (deliverable_id) VALUES (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER deliverable_status_months_changed AFTER UPDATE OF status, created_at ON deliverables
WHEN old.status IS NOT new.status OR old.created_at IS NOT new.created_at
BEGIN
  INSERT INTO deliverable_status_months_refresh (deliverable_id) VALUES (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER deliverable_status_months_update_added AFTER INSERT ON progress_updates
BEGIN
  INSERT INTO deliverable_status_months_refresh (deliverable_id) VALUES (new.deliverable_id);
END;
--> statement-breakpoint
CREATE TRIGGER deliverable_status_months_update_changed AFTER UPDATE OF deliverable_id, created_at, status ON progress_updates
BEGIN
  INSERT INTO deliverable_status_months_refresh (deliverable_id) VALUES (old.deliverable_id);
  INSERT INTO deliverable_status_months_refresh (deliverable_id) SELECT new.deliverable_id WHERE new.deliverable_id <> old.deliverable_id;
END;
--> statement-breakpoint
CREATE TRIGGER deliverable_status_months_update_removed AFTER DELETE ON progress_updates
BEGIN
  INSERT INTO deliverable_status_months_refresh (deliverable_id) VALUES (old.deliverable_id);
END;
--> statement-breakpoint
INSERT INTO deliverable_status_months_refresh (deliverable_id) SELECT id FROM deliverables;
