"""Statistics for the centre's staff: the numbers, their charts and a CSV.

`numbers` reads the database, `charts` draws PNG images, `csv_out` writes the numbers,
`summary` says the main ones in a few lines, and `report` puts them together for
/stats and `encore report`.
"""
