"""Write domain objects to files (.docx reports, .xlsx ledgers); never the database, never Qt."""
