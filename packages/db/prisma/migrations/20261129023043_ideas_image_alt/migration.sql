-- AlterTable
ALTER TABLE "ideas_image" ADD COLUMN     "alt" TEXT NOT NULL DEFAULT '';
