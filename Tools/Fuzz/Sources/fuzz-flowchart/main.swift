import FuzzSupport

FuzzDriver.main(.flowchart)
