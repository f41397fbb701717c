-- AlterTable
ALTER TABLE "mobile_request" ADD COLUMN     "citizenBirthYear" INTEGER,
ADD COLUMN     "citizenCommuneNis" TEXT;
