-- CreateTable
CREATE TABLE "core_task" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "titleKey" TEXT NOT NULL,
    "returnTo" TEXT,
    "ownerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "input" JSONB NOT NULL,
    "result" JSONB,
    "errorKey" TEXT,
    "errorParams" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "core_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "core_task_file" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0,
    "complete" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "core_task_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "core_task_file_chunk" (
    "fileId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "core_task_file_chunk_pkey" PRIMARY KEY ("fileId","seq")
);

-- CreateIndex
CREATE INDEX "core_task_ownerId_createdAt_idx" ON "core_task"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "core_task_expiresAt_idx" ON "core_task"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "core_task_file_taskId_role_key" ON "core_task_file"("taskId", "role");

-- AddForeignKey
ALTER TABLE "core_task" ADD CONSTRAINT "core_task_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "core_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "core_task_file" ADD CONSTRAINT "core_task_file_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "core_task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "core_task_file_chunk" ADD CONSTRAINT "core_task_file_chunk_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "core_task_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;
