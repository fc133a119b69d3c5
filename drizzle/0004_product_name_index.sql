-- Sorting the PIM's product list by name in the fallback locale (English in the catalogs we
-- ship). An expression index, which drizzle-kit cannot generate; the list's query uses the
-- same expression, so SQLite can walk it.
CREATE INDEX `product_name` ON `product` (json_extract("values", '$."name"."*"."en"') COLLATE NOCASE);
