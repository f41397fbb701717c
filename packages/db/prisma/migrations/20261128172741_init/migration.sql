-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "core_user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "emailVerifiedAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "core_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "core_user_role" (
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "core_user_role_pkey" PRIMARY KEY ("userId","role")
);

-- CreateTable
CREATE TABLE "core_session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "core_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "core_auth_token" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "core_auth_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "core_organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'association',
    "communeNis" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "core_organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "core_membership" (
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "core_membership_pkey" PRIMARY KEY ("userId","organisationId")
);

-- CreateTable
CREATE TABLE "core_invitation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "core_invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "core_role_grant" (
    "role" TEXT NOT NULL,
    "permission" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "core_role_grant_pkey" PRIMARY KEY ("role","permission")
);

-- CreateTable
CREATE TABLE "core_audit_log" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "core_audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "core_setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "core_setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "core_commune" (
    "nis" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameNl" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "postalCodes" TEXT[],

    CONSTRAINT "core_commune_pkey" PRIMARY KEY ("nis")
);

-- CreateTable
CREATE TABLE "core_rate_limit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "core_rate_limit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "core_user_email_key" ON "core_user"("email");

-- CreateIndex
CREATE INDEX "core_session_userId_idx" ON "core_session"("userId");

-- CreateIndex
CREATE INDEX "core_session_expiresAt_idx" ON "core_session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "core_auth_token_tokenHash_key" ON "core_auth_token"("tokenHash");

-- CreateIndex
CREATE INDEX "core_auth_token_userId_kind_idx" ON "core_auth_token"("userId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "core_organisation_slug_key" ON "core_organisation"("slug");

-- CreateIndex
CREATE INDEX "core_membership_organisationId_idx" ON "core_membership"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "core_invitation_tokenHash_key" ON "core_invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "core_invitation_organisationId_idx" ON "core_invitation"("organisationId");

-- CreateIndex
CREATE INDEX "core_audit_log_createdAt_idx" ON "core_audit_log"("createdAt");

-- CreateIndex
CREATE INDEX "core_audit_log_action_idx" ON "core_audit_log"("action");

-- AddForeignKey
ALTER TABLE "core_user_role" ADD CONSTRAINT "core_user_role_userId_fkey" FOREIGN KEY ("userId") REFERENCES "core_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "core_session" ADD CONSTRAINT "core_session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "core_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "core_auth_token" ADD CONSTRAINT "core_auth_token_userId_fkey" FOREIGN KEY ("userId") REFERENCES "core_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "core_organisation" ADD CONSTRAINT "core_organisation_communeNis_fkey" FOREIGN KEY ("communeNis") REFERENCES "core_commune"("nis") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "core_membership" ADD CONSTRAINT "core_membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "core_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "core_membership" ADD CONSTRAINT "core_membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "core_organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "core_invitation" ADD CONSTRAINT "core_invitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "core_organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "core_audit_log" ADD CONSTRAINT "core_audit_log_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "core_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
