import FuzzSupport

FuzzDriver.main(.yaml)
