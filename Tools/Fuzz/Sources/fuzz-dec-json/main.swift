import FuzzSupport

FuzzDriver.main(.decJSON)
