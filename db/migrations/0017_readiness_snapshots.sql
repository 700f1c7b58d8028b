CREATE TABLE `readiness_snapshots` (
	`meeting_id` integer NOT NULL,
	`moment` text NOT NULL,
	`agency_id` integer NOT NULL,
	`readiness` text NOT NULL,
	`report_state` text,
	`open` integer NOT NULL,
	`missing_update` integer NOT NULL,
	`without_reason` integer NOT NULL,
	`at_risk_or_blocked` integer NOT NULL,
	`overdue` integer NOT NULL,
	`stale` integer NOT NULL,
	`taken_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `moment`, `agency_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "readiness_snapshots_moment" CHECK(moment IN ('cutoff','meeting')),
	CONSTRAINT "readiness_snapshots_readiness" CHECK(readiness IN ('ready','awaiting_review','in_progress','not_started'))
);
