"""What goes up: the report (报告), the ledger (工作台账), a unit's return (回执) read back, and the coordinating office's summary of a period."""
