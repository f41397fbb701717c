-- CreateTable
CREATE TABLE "ideas_consultation" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "rules" JSONB NOT NULL,
    "submissionStart" TIMESTAMP(3) NOT NULL,
    "reviewStart" TIMESTAMP(3) NOT NULL,
    "voteStart" TIMESTAMP(3) NOT NULL,
    "resultsStart" TIMESTAMP(3) NOT NULL,
    "followUpStart" TIMESTAMP(3) NOT NULL,
    "phaseOverride" TEXT,
    "maxIdeasPerPerson" INTEGER NOT NULL DEFAULT 3,
    "voteBudget" INTEGER NOT NULL DEFAULT 3,
    "allowSeveralVotesPerIdea" BOOLEAN NOT NULL DEFAULT false,
    "allowMediated" BOOLEAN NOT NULL DEFAULT true,
    "mediatedDailyLimit" INTEGER NOT NULL DEFAULT 30,
    "finalistCount" INTEGER NOT NULL DEFAULT 6,
    "shortlistPublishedAt" TIMESTAMP(3),
    "resultsPublishedAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ideas_consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ideas_category" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ideas_category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ideas_idea" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "categoryId" TEXT,
    "communeNis" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "language" TEXT NOT NULL,
    "authorId" TEXT,
    "showAuthorName" BOOLEAN NOT NULL DEFAULT false,
    "mediationId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'published',
    "hiddenReason" TEXT,
    "mergedIntoId" TEXT,
    "finalist" BOOLEAN NOT NULL DEFAULT false,
    "winner" BOOLEAN NOT NULL DEFAULT false,
    "stage" TEXT,
    "imageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ideas_idea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ideas_image" (
    "id" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ideas_image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ideas_comment" (
    "id" TEXT NOT NULL,
    "ideaId" TEXT NOT NULL,
    "parentId" TEXT,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "hiddenAt" TIMESTAMP(3),
    "hiddenReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ideas_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ideas_report" (
    "id" TEXT NOT NULL,
    "ideaId" TEXT NOT NULL,
    "commentId" TEXT,
    "reporterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ideas_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ideas_criterion" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ideas_criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ideas_juror" (
    "consultationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ideas_juror_pkey" PRIMARY KEY ("consultationId","userId")
);

-- CreateTable
CREATE TABLE "ideas_score" (
    "ideaId" TEXT NOT NULL,
    "jurorId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ideas_score_pkey" PRIMARY KEY ("ideaId","jurorId","criterionId")
);

-- CreateTable
CREATE TABLE "ideas_jury_review" (
    "ideaId" TEXT NOT NULL,
    "jurorId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "conflict" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ideas_jury_review_pkey" PRIMARY KEY ("ideaId","jurorId")
);

-- CreateTable
CREATE TABLE "ideas_mediation" (
    "id" TEXT NOT NULL,
    "mediatorId" TEXT,
    "organisationId" TEXT,
    "kind" TEXT NOT NULL,
    "initials" TEXT NOT NULL,
    "birthYear" INTEGER NOT NULL,
    "communeNis" TEXT NOT NULL,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ideas_mediation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ideas_ballot" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "userId" TEXT,
    "mediationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ideas_ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ideas_vote" (
    "ballotId" TEXT NOT NULL,
    "ideaId" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ideas_vote_pkey" PRIMARY KEY ("ballotId","ideaId")
);

-- CreateTable
CREATE TABLE "ideas_update" (
    "id" TEXT NOT NULL,
    "ideaId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "links" TEXT[],
    "date" TIMESTAMP(3) NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ideas_update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ideas_follow" (
    "ideaId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ideas_follow_pkey" PRIMARY KEY ("ideaId","userId")
);

-- CreateTable
CREATE TABLE "ideas_notification_prefs" (
    "userId" TEXT NOT NULL,
    "onStatus" BOOLEAN NOT NULL DEFAULT false,
    "onReply" BOOLEAN NOT NULL DEFAULT false,
    "onFollowed" BOOLEAN NOT NULL DEFAULT false,
    "unsubscribeHash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ideas_notification_prefs_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ideas_consultation_slug_key" ON "ideas_consultation"("slug");

-- CreateIndex
CREATE INDEX "ideas_category_consultationId_idx" ON "ideas_category"("consultationId");

-- CreateIndex
CREATE UNIQUE INDEX "ideas_idea_mediationId_key" ON "ideas_idea"("mediationId");

-- CreateIndex
CREATE UNIQUE INDEX "ideas_idea_imageId_key" ON "ideas_idea"("imageId");

-- CreateIndex
CREATE INDEX "ideas_idea_consultationId_status_idx" ON "ideas_idea"("consultationId", "status");

-- CreateIndex
CREATE INDEX "ideas_idea_authorId_idx" ON "ideas_idea"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "ideas_idea_consultationId_number_key" ON "ideas_idea"("consultationId", "number");

-- CreateIndex
CREATE INDEX "ideas_comment_ideaId_createdAt_idx" ON "ideas_comment"("ideaId", "createdAt");

-- CreateIndex
CREATE INDEX "ideas_report_resolvedAt_idx" ON "ideas_report"("resolvedAt");

-- CreateIndex
CREATE INDEX "ideas_criterion_consultationId_idx" ON "ideas_criterion"("consultationId");

-- CreateIndex
CREATE INDEX "ideas_mediation_mediatorId_createdAt_idx" ON "ideas_mediation"("mediatorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ideas_ballot_mediationId_key" ON "ideas_ballot"("mediationId");

-- CreateIndex
CREATE UNIQUE INDEX "ideas_ballot_consultationId_userId_key" ON "ideas_ballot"("consultationId", "userId");

-- CreateIndex
CREATE INDEX "ideas_vote_ideaId_idx" ON "ideas_vote"("ideaId");

-- CreateIndex
CREATE INDEX "ideas_update_ideaId_date_idx" ON "ideas_update"("ideaId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "ideas_notification_prefs_unsubscribeHash_key" ON "ideas_notification_prefs"("unsubscribeHash");

-- AddForeignKey
ALTER TABLE "ideas_category" ADD CONSTRAINT "ideas_category_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "ideas_consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_idea" ADD CONSTRAINT "ideas_idea_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "ideas_consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_idea" ADD CONSTRAINT "ideas_idea_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ideas_category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_idea" ADD CONSTRAINT "ideas_idea_communeNis_fkey" FOREIGN KEY ("communeNis") REFERENCES "core_commune"("nis") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_idea" ADD CONSTRAINT "ideas_idea_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "core_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_idea" ADD CONSTRAINT "ideas_idea_mediationId_fkey" FOREIGN KEY ("mediationId") REFERENCES "ideas_mediation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_idea" ADD CONSTRAINT "ideas_idea_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "ideas_idea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_idea" ADD CONSTRAINT "ideas_idea_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "ideas_image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_comment" ADD CONSTRAINT "ideas_comment_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ideas_idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_comment" ADD CONSTRAINT "ideas_comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ideas_comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_comment" ADD CONSTRAINT "ideas_comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "core_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_report" ADD CONSTRAINT "ideas_report_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ideas_idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_report" ADD CONSTRAINT "ideas_report_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "ideas_comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_report" ADD CONSTRAINT "ideas_report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "core_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_criterion" ADD CONSTRAINT "ideas_criterion_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "ideas_consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_juror" ADD CONSTRAINT "ideas_juror_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "ideas_consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_juror" ADD CONSTRAINT "ideas_juror_userId_fkey" FOREIGN KEY ("userId") REFERENCES "core_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_score" ADD CONSTRAINT "ideas_score_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ideas_idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_score" ADD CONSTRAINT "ideas_score_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ideas_criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_score" ADD CONSTRAINT "ideas_score_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "core_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_jury_review" ADD CONSTRAINT "ideas_jury_review_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ideas_idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_jury_review" ADD CONSTRAINT "ideas_jury_review_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "core_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_mediation" ADD CONSTRAINT "ideas_mediation_mediatorId_fkey" FOREIGN KEY ("mediatorId") REFERENCES "core_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_ballot" ADD CONSTRAINT "ideas_ballot_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "ideas_consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_ballot" ADD CONSTRAINT "ideas_ballot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "core_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_ballot" ADD CONSTRAINT "ideas_ballot_mediationId_fkey" FOREIGN KEY ("mediationId") REFERENCES "ideas_mediation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_vote" ADD CONSTRAINT "ideas_vote_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "ideas_ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_vote" ADD CONSTRAINT "ideas_vote_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ideas_idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_update" ADD CONSTRAINT "ideas_update_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ideas_idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_follow" ADD CONSTRAINT "ideas_follow_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ideas_idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_follow" ADD CONSTRAINT "ideas_follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "core_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas_notification_prefs" ADD CONSTRAINT "ideas_notification_prefs_userId_fkey" FOREIGN KEY ("userId") REFERENCES "core_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

