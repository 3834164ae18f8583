import FuzzSupport

FuzzDriver.main(.recordsImport)
