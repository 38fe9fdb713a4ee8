"""School administration for the SENCO: staff, classes, pupils, parents, import and export."""
