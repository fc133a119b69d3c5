-- Degraded search: an FTS5 index over the PIM's search text, with the trigram
-- tokenizer so substrings in any script (Chinese included) match. Kept in step
-- with product_search_text by triggers, so no code path can forget it.
CREATE VIRTUAL TABLE `product_fts` USING fts5(
	names, brand, skus, gtins, categories,
	content='product_search_text', content_rowid='product_id',
	tokenize='trigram remove_diacritics 1'
);
--> statement-breakpoint
CREATE TRIGGER `product_search_text_ai` AFTER INSERT ON `product_search_text` BEGIN
	INSERT INTO product_fts(rowid, names, brand, skus, gtins, categories)
	VALUES (new.product_id, new.names, new.brand, new.skus, new.gtins, new.categories);
END;
--> statement-breakpoint
CREATE TRIGGER `product_search_text_ad` AFTER DELETE ON `product_search_text` BEGIN
	INSERT INTO product_fts(product_fts, rowid, names, brand, skus, gtins, categories)
	VALUES ('delete', old.product_id, old.names, old.brand, old.skus, old.gtins, old.categories);
END;
--> statement-breakpoint
CREATE TRIGGER `product_search_text_au` AFTER UPDATE ON `product_search_text` BEGIN
	INSERT INTO product_fts(product_fts, rowid, names, brand, skus, gtins, categories)
	VALUES ('delete', old.product_id, old.names, old.brand, old.skus, old.gtins, old.categories);
	INSERT INTO product_fts(rowid, names, brand, skus, gtins, categories)
	VALUES (new.product_id, new.names, new.brand, new.skus, new.gtins, new.categories);
END;
