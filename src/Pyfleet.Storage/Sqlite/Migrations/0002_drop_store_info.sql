-- store_info (0001) was written by nothing and read by nothing: dropped. (Migrations already applied are never
-- edited, so 0001 still creates it on a new file and this removes it again.)
DROP TABLE IF EXISTS store_info;
