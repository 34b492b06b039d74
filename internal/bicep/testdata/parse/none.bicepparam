using none

param x = 1
