# Packer: prepare the build instance with imageprep just before the AMI is created, stamp its
# version file, and bring the JSON report back to the machine running Packer.
#   packer build -var imageprep_package=imageprep-0.1.0.tar.gz -var image_version=7 imageprep.pkr.hcl
# A not-ready image (exit 1) fails the shell provisioner and with it the build.

variable "imageprep_package" {
  type        = string
  default     = "imageprep-0.1.0.tar.gz"
  description = "The imageprep .tar.gz built by the installer module."
}

variable "imageprep_profile" {
  type    = string
  default = "ec2-linux"
}

variable "image_name" {
  type    = string
  default = "golden-linux"
}

variable "image_version" {
  type    = string
  default = "1"
}

variable "source_ami" {
  type = string
}

source "amazon-ebs" "golden" {
  ami_name      = "${var.image_name}-${var.image_version}"
  instance_type = "t3.small"
  region        = "eu-west-1"
  source_ami    = var.source_ami
  ssh_username  = "ec2-user"
}

build {
  sources = ["source.amazon-ebs.golden"]

  provisioner "file" {
    source      = var.imageprep_package
    destination = "/tmp/imageprep.tar.gz"
  }

  provisioner "shell" {
    inline = [
      "sudo mkdir -p /opt/imageprep",
      "sudo tar -xzf /tmp/imageprep.tar.gz -C /opt/imageprep --strip-components=1",
      "sudo /opt/imageprep/bin/imageprep prepare --yes --profile ${var.imageprep_profile} --format json --output /var/tmp/imageprep-report.json",
      "sudo /opt/imageprep/bin/imageprep stamp --profile ${var.imageprep_profile} --tag Name=${var.image_name} --tag Version=${var.image_version} --from-report /var/tmp/imageprep-report.json",
      "sudo chmod 0644 /var/tmp/imageprep-report.json",
    ]
  }

  provisioner "file" {
    direction   = "download"
    source      = "/var/tmp/imageprep-report.json"
    destination = "reports/imageprep-report.json"
  }

  provisioner "shell" {
    inline = ["sudo rm -f /var/tmp/imageprep-report.json"]
  }
}
