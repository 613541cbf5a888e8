"""Writers that turn a Report into text: terminal and versioned JSON."""
