DROP INDEX "user_tasks_open_groups_gin";--> statement-breakpoint
DROP INDEX "user_tasks_open_users_gin";--> statement-breakpoint
CREATE INDEX "user_tasks_open_access_gin" ON "user_tasks" USING gin ("access_keys") WHERE "user_tasks"."status" = 'open';