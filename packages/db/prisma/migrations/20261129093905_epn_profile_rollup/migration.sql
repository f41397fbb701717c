-- CreateTable
CREATE TABLE "epn_response_pending" (
    "responseId" TEXT NOT NULL,

    CONSTRAINT "epn_response_pending_pkey" PRIMARY KEY ("responseId")
);

-- CreateTable
CREATE TABLE "epn_profile_rollup" (
    "surveyId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL DEFAULT '',
    "day" DATE NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "respondents" INTEGER NOT NULL,

    CONSTRAINT "epn_profile_rollup_pkey" PRIMARY KEY ("surveyId","placeId","day","question","answer")
);

-- CreateIndex
CREATE INDEX "epn_profile_rollup_day_idx" ON "epn_profile_rollup"("day");

-- AddForeignKey
ALTER TABLE "epn_response_pending" ADD CONSTRAINT "epn_response_pending_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "epn_response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "epn_profile_rollup" ADD CONSTRAINT "epn_profile_rollup_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "epn_survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every response, whatever inserts it (the app, an import, a bulk load), waits in epn_response_pending
-- until the roll-up job counts it. Prisma does not model triggers: they live here only.
-- The function body is an E'' string with \073 for each semicolon: migrate deploy on PostgreSQL runs a
-- migration through @prisma/adapter-pg, which cuts the script at every semicolon, even inside quotes.
CREATE FUNCTION "epn_response_pending_add"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN INSERT INTO "epn_response_pending" ("responseId") SELECT "id" FROM inserted\073 RETURN NULL\073 END\073';

CREATE TRIGGER "epn_response_pending_add"
  AFTER INSERT ON "epn_response"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "epn_response_pending_add"();

-- Responses stored before this migration are counted by the first roll-up.
INSERT INTO "epn_response_pending" ("responseId") SELECT "id" FROM "epn_response";
