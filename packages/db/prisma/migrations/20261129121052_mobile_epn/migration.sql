-- CreateTable
CREATE TABLE "mobile_venue" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "communeNis" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "contactUserId" TEXT,
    "accessNotes" TEXT NOT NULL DEFAULT '',
    "capacity" INTEGER NOT NULL,
    "wifi" BOOLEAN NOT NULL DEFAULT false,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mobile_venue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mobile_trainer" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "languages" TEXT[],
    "topics" TEXT[],
    "homeLatitude" DOUBLE PRECISION NOT NULL,
    "homeLongitude" DOUBLE PRECISION NOT NULL,
    "homeLabel" TEXT NOT NULL DEFAULT '',
    "travelMode" TEXT NOT NULL DEFAULT 'public_transport',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mobile_trainer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mobile_availability" (
    "id" TEXT NOT NULL,
    "trainerId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,

    CONSTRAINT "mobile_availability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mobile_absence" (
    "id" TEXT NOT NULL,
    "trainerId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "mobile_absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mobile_kit" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contents" TEXT[],
    "devices" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'available',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mobile_kit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mobile_request" (
    "id" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,
    "requestedById" TEXT,
    "mediatorId" TEXT,
    "citizenInitials" TEXT NOT NULL DEFAULT '',
    "consentAt" TIMESTAMP(3),
    "topic" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "participants" INTEGER NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 120,
    "windows" JSONB NOT NULL,
    "accessibilityNeeds" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "needsKit" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'new',
    "statusReason" TEXT NOT NULL DEFAULT '',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mobile_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mobile_series" (
    "id" TEXT NOT NULL,
    "requestId" TEXT,
    "intervalWeeks" INTEGER NOT NULL DEFAULT 1,
    "count" INTEGER NOT NULL,
    "exceptions" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mobile_series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mobile_session" (
    "id" TEXT NOT NULL,
    "requestId" TEXT,
    "seriesId" TEXT,
    "venueId" TEXT NOT NULL,
    "kitId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "seats" INTEGER NOT NULL,
    "topic" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "group" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "cancelReason" TEXT NOT NULL DEFAULT '',
    "cancelledAt" TIMESTAMP(3),
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "attendanceAt" TIMESTAMP(3),
    "attendanceById" TEXT,
    "walkIns" JSONB,
    "topicsCovered" TEXT[],
    "attendanceNote" TEXT NOT NULL DEFAULT '',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mobile_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mobile_session_trainer" (
    "sessionId" TEXT NOT NULL,
    "trainerId" TEXT NOT NULL,
    "travel" JSONB,

    CONSTRAINT "mobile_session_trainer_pkey" PRIMARY KEY ("sessionId","trainerId")
);

-- CreateTable
CREATE TABLE "mobile_registration" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "ageBand" TEXT,
    "gender" TEXT,
    "registeredById" TEXT,
    "status" TEXT NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "promotedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "attended" BOOLEAN,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mobile_registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mobile_reminder" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mobile_reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mobile_feed" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "mobile_feed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "mobile_venue_communeNis_idx" ON "mobile_venue"("communeNis");

-- CreateIndex
CREATE INDEX "mobile_venue_contactUserId_idx" ON "mobile_venue"("contactUserId");

-- CreateIndex
CREATE UNIQUE INDEX "mobile_trainer_userId_key" ON "mobile_trainer"("userId");

-- CreateIndex
CREATE INDEX "mobile_trainer_organisationId_idx" ON "mobile_trainer"("organisationId");

-- CreateIndex
CREATE INDEX "mobile_availability_trainerId_idx" ON "mobile_availability"("trainerId");

-- CreateIndex
CREATE INDEX "mobile_absence_trainerId_startsAt_idx" ON "mobile_absence"("trainerId", "startsAt");

-- CreateIndex
CREATE INDEX "mobile_kit_organisationId_idx" ON "mobile_kit"("organisationId");

-- CreateIndex
CREATE INDEX "mobile_request_status_createdAt_idx" ON "mobile_request"("status", "createdAt");

-- CreateIndex
CREATE INDEX "mobile_request_requestedById_idx" ON "mobile_request"("requestedById");

-- CreateIndex
CREATE INDEX "mobile_session_startsAt_idx" ON "mobile_session"("startsAt");

-- CreateIndex
CREATE INDEX "mobile_session_venueId_startsAt_idx" ON "mobile_session"("venueId", "startsAt");

-- CreateIndex
CREATE INDEX "mobile_session_kitId_startsAt_idx" ON "mobile_session"("kitId", "startsAt");

-- CreateIndex
CREATE INDEX "mobile_session_requestId_idx" ON "mobile_session"("requestId");

-- CreateIndex
CREATE INDEX "mobile_session_trainer_trainerId_idx" ON "mobile_session_trainer"("trainerId");

-- CreateIndex
CREATE INDEX "mobile_registration_sessionId_status_queuedAt_idx" ON "mobile_registration"("sessionId", "status", "queuedAt");

-- CreateIndex
CREATE INDEX "mobile_registration_userId_idx" ON "mobile_registration"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "mobile_reminder_sessionId_email_startsAt_key" ON "mobile_reminder"("sessionId", "email", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "mobile_feed_tokenHash_key" ON "mobile_feed"("tokenHash");

-- CreateIndex
CREATE INDEX "mobile_feed_kind_subjectId_idx" ON "mobile_feed"("kind", "subjectId");

-- AddForeignKey
ALTER TABLE "mobile_venue" ADD CONSTRAINT "mobile_venue_communeNis_fkey" FOREIGN KEY ("communeNis") REFERENCES "core_commune"("nis") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_venue" ADD CONSTRAINT "mobile_venue_contactUserId_fkey" FOREIGN KEY ("contactUserId") REFERENCES "core_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_trainer" ADD CONSTRAINT "mobile_trainer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "core_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_trainer" ADD CONSTRAINT "mobile_trainer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "core_organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_availability" ADD CONSTRAINT "mobile_availability_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "mobile_trainer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_absence" ADD CONSTRAINT "mobile_absence_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "mobile_trainer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_kit" ADD CONSTRAINT "mobile_kit_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "core_organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_request" ADD CONSTRAINT "mobile_request_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "mobile_venue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_request" ADD CONSTRAINT "mobile_request_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "core_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_request" ADD CONSTRAINT "mobile_request_mediatorId_fkey" FOREIGN KEY ("mediatorId") REFERENCES "core_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_series" ADD CONSTRAINT "mobile_series_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "mobile_request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_session" ADD CONSTRAINT "mobile_session_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "mobile_request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_session" ADD CONSTRAINT "mobile_session_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "mobile_series"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_session" ADD CONSTRAINT "mobile_session_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "mobile_venue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_session" ADD CONSTRAINT "mobile_session_kitId_fkey" FOREIGN KEY ("kitId") REFERENCES "mobile_kit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_session_trainer" ADD CONSTRAINT "mobile_session_trainer_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "mobile_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_session_trainer" ADD CONSTRAINT "mobile_session_trainer_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "mobile_trainer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_registration" ADD CONSTRAINT "mobile_registration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "mobile_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_registration" ADD CONSTRAINT "mobile_registration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "core_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_reminder" ADD CONSTRAINT "mobile_reminder_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "mobile_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
