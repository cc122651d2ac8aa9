import BossCore
