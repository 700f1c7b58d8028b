-- Pages keep rendered parts of themselves until the record changes (app/(dashboard), see
-- db/queries/until-change.ts): every table those parts read needs a change counter. These join
-- the counters of migrations 0022 and 0023. For users, only what a page shows of a person counts
-- (name, e-mail, role, agency, active), so that a sign-in, which stamps the user's row, does not
-- make every kept page render again.
INSERT INTO `table_changes` (`name`, `version`) VALUES ('agenda_items', 0), ('agency_report_events', 0), ('awards', 0), ('indicators', 0), ('observations', 0), ('plans', 0), ('readiness_snapshots', 0), ('sources', 0), ('working_groups', 0), ('users', 0);
--> statement-breakpoint
CREATE TRIGGER table_changes_agenda_items_insert AFTER INSERT ON `agenda_items` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'agenda_items'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_agenda_items_update AFTER UPDATE ON `agenda_items` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'agenda_items'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_agenda_items_delete AFTER DELETE ON `agenda_items` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'agenda_items'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_agency_report_events_insert AFTER INSERT ON `agency_report_events` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'agency_report_events'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_agency_report_events_update AFTER UPDATE ON `agency_report_events` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'agency_report_events'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_agency_report_events_delete AFTER DELETE ON `agency_report_events` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'agency_report_events'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_awards_insert AFTER INSERT ON `awards` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'awards'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_awards_update AFTER UPDATE ON `awards` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'awards'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_awards_delete AFTER DELETE ON `awards` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'awards'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_indicators_insert AFTER INSERT ON `indicators` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'indicators'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_indicators_update AFTER UPDATE ON `indicators` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'indicators'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_indicators_delete AFTER DELETE ON `indicators` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'indicators'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_observations_insert AFTER INSERT ON `observations` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'observations'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_observations_update AFTER UPDATE ON `observations` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'observations'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_observations_delete AFTER DELETE ON `observations` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'observations'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_plans_insert AFTER INSERT ON `plans` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'plans'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_plans_update AFTER UPDATE ON `plans` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'plans'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_plans_delete AFTER DELETE ON `plans` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'plans'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_readiness_snapshots_insert AFTER INSERT ON `readiness_snapshots` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'readiness_snapshots'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_readiness_snapshots_update AFTER UPDATE ON `readiness_snapshots` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'readiness_snapshots'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_readiness_snapshots_delete AFTER DELETE ON `readiness_snapshots` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'readiness_snapshots'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_sources_insert AFTER INSERT ON `sources` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'sources'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_sources_update AFTER UPDATE ON `sources` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'sources'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_sources_delete AFTER DELETE ON `sources` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'sources'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_working_groups_insert AFTER INSERT ON `working_groups` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'working_groups'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_working_groups_update AFTER UPDATE ON `working_groups` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'working_groups'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_working_groups_delete AFTER DELETE ON `working_groups` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'working_groups'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_users_insert AFTER INSERT ON `users` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'users'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_users_update AFTER UPDATE OF `name`, `email`, `role`, `agency_id`, `active` ON `users` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'users'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_users_delete AFTER DELETE ON `users` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'users'; END;
