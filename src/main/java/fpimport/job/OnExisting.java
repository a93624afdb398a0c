package fpimport.job;

/** What to do with a row the ledger says was imported before. */
public enum OnExisting {

	/** Leave the item alone; the row counts as SKIPPED. */
	SKIP,
	/** Send the row's fields to the existing item; the row counts as UPDATED. */
	UPDATE

}
