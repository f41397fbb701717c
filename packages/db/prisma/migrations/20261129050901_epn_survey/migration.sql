-- CreateTable
CREATE TABLE "epn_place" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "communeNis" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "phone" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "website" TEXT NOT NULL DEFAULT '',
    "openingHours" TEXT NOT NULL DEFAULT '',
    "services" TEXT[],
    "publics" TEXT[],
    "accessibility" TEXT[],
    "languages" TEXT[],
    "devices" INTEGER NOT NULL DEFAULT 0,
    "labelled" BOOLEAN NOT NULL DEFAULT false,
    "labelSince" DATE,
    "mobile" BOOLEAN NOT NULL DEFAULT false,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "epn_place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "epn_survey" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT,
    "code" TEXT NOT NULL,
    "templateId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "epn_survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "epn_survey_version" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "epn_survey_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "epn_response" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "placeId" TEXT,
    "channel" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "answers" JSONB NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "epn_response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "epn_kiosk" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT,
    "surveyId" TEXT NOT NULL,
    "placeId" TEXT,
    "label" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "epn_kiosk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "epn_activity" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "placeId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'session',
    "date" DATE NOT NULL,
    "sessionType" TEXT NOT NULL,
    "sessions" INTEGER NOT NULL DEFAULT 1,
    "durationMinutes" INTEGER NOT NULL,
    "location" TEXT NOT NULL,
    "topics" TEXT[],
    "attendees" JSONB NOT NULL,
    "attendeeCount" INTEGER NOT NULL,
    "referrals" TEXT[],
    "note" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT 'form',
    "externalRef" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "epn_activity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "epn_place_organisationId_idx" ON "epn_place"("organisationId");

-- CreateIndex
CREATE INDEX "epn_place_communeNis_idx" ON "epn_place"("communeNis");

-- CreateIndex
CREATE UNIQUE INDEX "epn_survey_code_key" ON "epn_survey"("code");

-- CreateIndex
CREATE INDEX "epn_survey_organisationId_idx" ON "epn_survey"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "epn_survey_version_surveyId_version_key" ON "epn_survey_version"("surveyId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "epn_response_idempotencyKey_key" ON "epn_response"("idempotencyKey");

-- CreateIndex
CREATE INDEX "epn_response_surveyId_day_idx" ON "epn_response"("surveyId", "day");

-- CreateIndex
CREATE INDEX "epn_response_placeId_day_idx" ON "epn_response"("placeId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "epn_kiosk_tokenHash_key" ON "epn_kiosk"("tokenHash");

-- CreateIndex
CREATE INDEX "epn_kiosk_surveyId_idx" ON "epn_kiosk"("surveyId");

-- CreateIndex
CREATE UNIQUE INDEX "epn_activity_externalRef_key" ON "epn_activity"("externalRef");

-- CreateIndex
CREATE INDEX "epn_activity_organisationId_date_idx" ON "epn_activity"("organisationId", "date");

-- CreateIndex
CREATE INDEX "epn_activity_date_idx" ON "epn_activity"("date");

-- AddForeignKey
ALTER TABLE "epn_place" ADD CONSTRAINT "epn_place_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "core_organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "epn_place" ADD CONSTRAINT "epn_place_communeNis_fkey" FOREIGN KEY ("communeNis") REFERENCES "core_commune"("nis") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "epn_survey" ADD CONSTRAINT "epn_survey_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "core_organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "epn_survey_version" ADD CONSTRAINT "epn_survey_version_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "epn_survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "epn_response" ADD CONSTRAINT "epn_response_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "epn_survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "epn_response" ADD CONSTRAINT "epn_response_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "epn_survey_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "epn_response" ADD CONSTRAINT "epn_response_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "epn_place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "epn_kiosk" ADD CONSTRAINT "epn_kiosk_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "epn_survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "epn_kiosk" ADD CONSTRAINT "epn_kiosk_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "epn_place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "epn_activity" ADD CONSTRAINT "epn_activity_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "core_organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "epn_activity" ADD CONSTRAINT "epn_activity_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "epn_place"("id") ON DELETE SET NULL ON UPDATE CASCADE;
