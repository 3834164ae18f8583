import FuzzSupport

FuzzDriver.main(.config)
