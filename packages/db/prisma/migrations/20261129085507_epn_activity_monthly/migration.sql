-- AlterTable
ALTER TABLE "epn_activity" ADD COLUMN     "groupSessions" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "topicSessions" JSONB,
ADD COLUMN     "updatedById" TEXT;

-- Existing records: a group record's sessions were all group sessions.
UPDATE "epn_activity" SET "groupSessions" = "sessions" WHERE "sessionType" = 'group';
