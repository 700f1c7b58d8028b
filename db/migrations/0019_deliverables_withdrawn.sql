-- The months view's trigger reads both tables: set aside while they are rebuilt, so that renaming
-- the new tables into place finds nothing pointing at a missing one.
DROP TRIGGER deliverable_status_months_refresh;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_deliverables` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`lead_agency_id` integer NOT NULL,
	`pillar_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`announced_at_meeting_id` integer,
	`due_on` text,
	`status` text DEFAULT 'not_started' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`status_reason` text,
	`funding_usd` integer,
	`nap_action_id` integer,
	`measure_label` text,
	`measure_unit` text,
	`measure_target` real,
	`measure_actual` real,
	`source_id` integer,
	`last_update_at` integer,
	`created_by_id` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`lead_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pillar_id`) REFERENCES `pillars`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`announced_at_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nap_action_id`) REFERENCES `nap_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "deliverables_status" CHECK(status IN ('not_started','in_progress','at_risk','blocked','completed','withdrawn')),
	CONSTRAINT "deliverables_progress" CHECK("__new_deliverables"."progress" BETWEEN 0 AND 100),
	CONSTRAINT "deliverables_funding" CHECK("__new_deliverables"."funding_usd" IS NULL OR "__new_deliverables"."funding_usd" >= 0),
	CONSTRAINT "deliverables_measure_target" CHECK("__new_deliverables"."measure_target" IS NULL OR "__new_deliverables"."measure_target" > 0),
	CONSTRAINT "deliverables_measure_actual" CHECK("__new_deliverables"."measure_actual" IS NULL OR "__new_deliverables"."measure_actual" >= 0),
	CONSTRAINT "deliverables_title" CHECK(length(trim("__new_deliverables"."title")) > 0)
);
--> statement-breakpoint
INSERT INTO `__new_deliverables`("id", "key", "lead_agency_id", "pillar_id", "title", "description", "announced_at_meeting_id", "due_on", "status", "progress", "status_reason", "funding_usd", "nap_action_id", "measure_label", "measure_unit", "measure_target", "measure_actual", "source_id", "last_update_at", "created_by_id", "is_demo", "version", "created_at", "updated_at") SELECT "id", "key", "lead_agency_id", "pillar_id", "title", "description", "announced_at_meeting_id", "due_on", "status", "progress", "status_reason", "funding_usd", "nap_action_id", "measure_label", "measure_unit", "measure_target", "measure_actual", "source_id", "last_update_at", "created_by_id", "is_demo", "version", "created_at", "updated_at" FROM `deliverables`;--> statement-breakpoint
DROP TABLE `deliverables`;--> statement-breakpoint
ALTER TABLE `__new_deliverables` RENAME TO `deliverables`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `deliverables_key_unique` ON `deliverables` (`key`);--> statement-breakpoint
CREATE INDEX `deliverables_lead_status_recent` ON `deliverables` (`lead_agency_id`,`status`,`last_update_at`,`id`,`created_at`,`due_on`,`status_reason`);--> statement-breakpoint
CREATE INDEX `deliverables_lead_pillar` ON `deliverables` (`lead_agency_id`,`pillar_id`,`id`,`status`);--> statement-breakpoint
CREATE INDEX `deliverables_pillar_status` ON `deliverables` (`pillar_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `deliverables_announced` ON `deliverables` (`announced_at_meeting_id`);--> statement-breakpoint
CREATE INDEX `deliverables_status_due` ON `deliverables` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `deliverables_last_update` ON `deliverables` (`last_update_at`);--> statement-breakpoint
CREATE TABLE `__new_progress_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deliverable_id` integer NOT NULL,
	`author_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`status` text NOT NULL,
	`progress` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`reason` text,
	`is_demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`deliverable_id`) REFERENCES `deliverables`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "progress_updates_status" CHECK(status IN ('not_started','in_progress','at_risk','blocked','completed','withdrawn')),
	CONSTRAINT "progress_updates_progress" CHECK("__new_progress_updates"."progress" BETWEEN 0 AND 100),
	CONSTRAINT "progress_updates_reason" CHECK("__new_progress_updates"."status" NOT IN ('at_risk','blocked','withdrawn') OR length(trim(coalesce("__new_progress_updates"."reason", ''))) > 0)
);
--> statement-breakpoint
INSERT INTO `__new_progress_updates`("id", "deliverable_id", "author_id", "created_at", "status", "progress", "note", "reason", "is_demo") SELECT "id", "deliverable_id", "author_id", "created_at", "status", "progress", "note", "reason", "is_demo" FROM `progress_updates`;--> statement-breakpoint
DROP TABLE `progress_updates`;--> statement-breakpoint
ALTER TABLE `__new_progress_updates` RENAME TO `progress_updates`;--> statement-breakpoint
CREATE INDEX `progress_updates_deliverable_time` ON `progress_updates` (`deliverable_id`,`created_at`,`id`,`status`);--> statement-breakpoint
CREATE INDEX `progress_updates_time` ON `progress_updates` (`created_at`);--> statement-breakpoint
-- Rebuilding the two tables dropped their triggers: the same ones again, unchanged.
CREATE TRIGGER deliverable_status_months_changed AFTER UPDATE OF status, created_at ON deliverables
WHEN old.status IS NOT new.status OR old.created_at IS NOT new.created_at
BEGIN
  INSERT INTO deliverable_status_months_refresh (deliverable_id) VALUES (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER deliverable_status_months_created AFTER INSERT ON deliverables
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
CREATE TRIGGER deliverables_fts_delete AFTER DELETE ON deliverables
BEGIN
  DELETE FROM deliverables_fts WHERE rowid = old.id;
END;
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
CREATE TRIGGER deliverables_fts_update_note AFTER INSERT ON progress_updates
BEGIN
  UPDATE deliverables_fts
     SET notes = notes || ' ' || new.note || ' ' || coalesce(new.reason, '')
   WHERE rowid = new.deliverable_id;
END;
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
