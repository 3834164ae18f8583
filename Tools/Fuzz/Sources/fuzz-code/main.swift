import FuzzSupport

FuzzDriver.main(.code)
