"""The clerk's desk as values: periods, the worklist and its filter, warning lights, notes, assignment to the unit, short titles."""
