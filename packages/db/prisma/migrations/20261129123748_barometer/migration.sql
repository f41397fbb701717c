-- CreateTable
CREATE TABLE "barometer_indicator" (
    "id" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "position" INTEGER NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "barometer_indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "barometer_edition" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "minN" INTEGER NOT NULL DEFAULT 20,
    "reliableN" INTEGER NOT NULL DEFAULT 50,
    "crossings" TEXT[],
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "barometer_edition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "barometer_microdata" (
    "editionId" TEXT NOT NULL,
    "respondents" INTEGER NOT NULL,
    "mapping" JSONB NOT NULL,
    "fileName" TEXT NOT NULL,
    "importedById" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "barometer_microdata_pkey" PRIMARY KEY ("editionId")
);

-- CreateTable
CREATE TABLE "barometer_microdata_chunk" (
    "editionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "barometer_microdata_chunk_pkey" PRIMARY KEY ("editionId","seq")
);

-- CreateTable
CREATE TABLE "barometer_version" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "source" TEXT NOT NULL DEFAULT 'microdata',
    "indicators" JSONB NOT NULL,
    "correctionNote" JSONB,
    "preparedById" TEXT,
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "releaseAt" TIMESTAMP(3),
    "computedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "barometer_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "barometer_estimate" (
    "versionId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "breakdown" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "weightSum" DOUBLE PRECISION,
    "proportion" DOUBLE PRECISION,
    "se" DOUBLE PRECISION,
    "ciLow" DOUBLE PRECISION,
    "ciHigh" DOUBLE PRECISION,
    "total" DOUBLE PRECISION,
    "seTotal" DOUBLE PRECISION,
    "status" TEXT NOT NULL,

    CONSTRAINT "barometer_estimate_pkey" PRIMARY KEY ("versionId","indicatorId","breakdown","level")
);

-- CreateIndex
CREATE UNIQUE INDEX "barometer_edition_year_key" ON "barometer_edition"("year");

-- CreateIndex
CREATE INDEX "barometer_version_status_releaseAt_idx" ON "barometer_version"("status", "releaseAt");

-- CreateIndex
CREATE UNIQUE INDEX "barometer_version_editionId_number_key" ON "barometer_version"("editionId", "number");

-- AddForeignKey
ALTER TABLE "barometer_microdata" ADD CONSTRAINT "barometer_microdata_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "barometer_edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "barometer_microdata_chunk" ADD CONSTRAINT "barometer_microdata_chunk_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "barometer_microdata"("editionId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "barometer_version" ADD CONSTRAINT "barometer_version_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "barometer_edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "barometer_estimate" ADD CONSTRAINT "barometer_estimate_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "barometer_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Released versions are immutable, whatever writes to the database: once a version is approved and its
-- release time has passed, neither it nor its estimates can be changed or deleted (a correction is a
-- new version). Function bodies are E'' strings with \073 for each semicolon: migrate deploy on
-- PostgreSQL cuts the script at every semicolon, even inside quotes.
CREATE FUNCTION "barometer_version_frozen"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF OLD."status" = \'approved\' AND OLD."releaseAt" IS NOT NULL AND OLD."releaseAt" <= now() THEN RAISE EXCEPTION \'barometer: released version % is immutable\', OLD."id" USING ERRCODE = \'P0001\'\073 END IF\073 IF TG_OP = \'DELETE\' THEN RETURN OLD\073 END IF\073 RETURN NEW\073 END\073';

CREATE TRIGGER "barometer_version_frozen"
  BEFORE UPDATE OR DELETE ON "barometer_version"
  FOR EACH ROW EXECUTE FUNCTION "barometer_version_frozen"();

CREATE FUNCTION "barometer_estimate_frozen"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF EXISTS (SELECT 1 FROM "barometer_version" v WHERE v."id" = CASE WHEN TG_OP = \'INSERT\' THEN NEW."versionId" ELSE OLD."versionId" END AND v."status" = \'approved\' AND v."releaseAt" IS NOT NULL AND v."releaseAt" <= now()) THEN RAISE EXCEPTION \'barometer: estimates of a released version are immutable\' USING ERRCODE = \'P0001\'\073 END IF\073 IF TG_OP = \'DELETE\' THEN RETURN OLD\073 END IF\073 RETURN NEW\073 END\073';

CREATE TRIGGER "barometer_estimate_frozen"
  BEFORE INSERT OR UPDATE OR DELETE ON "barometer_estimate"
  FOR EACH ROW EXECUTE FUNCTION "barometer_estimate_frozen"();
